// Every command of `kolm`, listed by name (no auto-discovery: the bundle must see each import).
import type { CommandClass } from 'clipanion';
import { CompareCommand } from './compare.ts';
import { CompileCommand } from './compile.ts';
import { EvalCommand } from './eval.ts';
import { InspectCommand } from './inspect.ts';
import { KeygenCommand } from './keygen.ts';
import { MigrateConvertCommand } from './migrate/convert.ts';
import { MigrateSpecCommand } from './migrate/spec.ts';
import { PublishCommand } from './publish.ts';
import { RunCommand } from './run.ts';
import { ServeCommand } from './serve.ts';
import { SeedsValidateCommand } from './seeds/validate.ts';
import { SignCommand } from './sign.ts';
import { SpecSchemaCommand } from './spec/schema.ts';
import { VerifyCommand } from './verify.ts';

export const commands: CommandClass<any>[] = [
  CompileCommand,
  RunCommand,
  ServeCommand,
  EvalCommand,
  CompareCommand,
  InspectCommand,
  MigrateConvertCommand,
  MigrateSpecCommand,
  SeedsValidateCommand,
  SpecSchemaCommand,
  KeygenCommand,
  SignCommand,
  VerifyCommand,
  PublishCommand,
];
