import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Cli, Command, Option } from 'clipanion';
import { number } from '../../tui/validators.ts';

const test = suite('number flags');

class Probe extends Command {
  port = Option.String('--port', '8080', { validator: number({ integer: true, min: 0, max: 65535 }) });
  ratio = Option.String('--ratio', { validator: number({ min: 0.01 }) });
  async execute() {
    this.context.stdout.write(JSON.stringify({ port: this.port, ratio: this.ratio ?? null }));
  }
}

async function probe(args: string[]): Promise<string> {
  const cli = Cli.from([Probe]);
  let out = '';
  const stdout = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
  try {
    const command = cli.process(args);
    command.context = { ...Cli.defaultContext, stdout };
    await command.validateAndExecute();
  } catch (err) {
    return `error: ${(err as Error).message}`;
  }
  return out;
}

test('values become numbers; the default is checked and coerced the same way', async () => {
  assert.is(await probe([]), '{"port":8080,"ratio":null}');
  assert.is(await probe(['--port', '0', '--ratio', '0.5']), '{"port":0,"ratio":0.5}');
  assert.is(await probe(['--port', '65535']), '{"port":65535,"ratio":null}');
});

test('a refused value says why, with the flag, as clipanion reports it', async () => {
  const cases: [string[], string][] = [
    [['--port', '65536'], 'Invalid value for --port: expected 0 to 65535 (got 65536)'],
    [['--port', '80.5'], 'Invalid value for --port: expected a whole number (got 80.5)'],
    [['--port', 'http'], 'Invalid value for --port: expected a number (got "http")'],
    [['--port', ''], 'Invalid value for --port: expected a number (got "")'],
    [['--ratio', '0'], 'Invalid value for --ratio: expected at least 0.01 (got 0)'],
  ];
  for (const [args, message] of cases) assert.is(await probe(args), `error: ${message}`, args.join(' '));
});

test.run();
