/** @jsxRuntime automatic @jsxImportSource react */
// Mounts the Ink wizard on a terminal and resolves with its exit code. Loaded with import() from cli.ts
// only when the wizard runs, so `kolm`, `--yes` and the library never load Ink or React.
import { render } from 'ink';
import { ColorContext } from './ui/kit.tsx';
import { exitCodeOf, type WizardState } from './state.ts';
import { Wizard, type WizardProps } from './Wizard.tsx';

export interface RunWizardOptions extends Omit<WizardProps, 'onExit'> {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export const colorAllowed = (env: Record<string, string | undefined>): boolean => env.NO_COLOR === undefined || env.NO_COLOR === '';

export async function runInkWizard(opts: RunWizardOptions): Promise<number> {
  const { stdin, stdout, stderr, ...props } = opts;
  let final: WizardState | undefined;
  const instance = render(
    <ColorContext.Provider value={colorAllowed(props.env)}>
      <Wizard {...props} onExit={(s) => (final = s)} />
    </ColorContext.Provider>,
    {
      stdin: stdin as NodeJS.ReadStream,
      stdout: stdout as NodeJS.WriteStream,
      stderr: stderr as NodeJS.WriteStream,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  await instance.waitUntilExit();
  return final ? exitCodeOf(final) : 1;
}
