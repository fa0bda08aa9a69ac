// Import first in Ink tests: Ink reads CI/CONTINUOUS_INTEGRATION when it is first loaded and then draws only
// the last frame, so under CI the screens a test waits for would never appear (the wizard clears them too).
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
