// The one version of kolm-migrate: the CLI's --version, the server's /info, the compiler stamp in every
// manifest. A test keeps it equal to package.json's.
export const VERSION = '0.1.0';
