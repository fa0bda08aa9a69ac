/** @jsxRuntime automatic @jsxImportSource react */
// Step 6: how to use what was built (serve, run, sign and publish), and the offer to write a GitHub
// workflow that gates pull requests with the kolm-migrate Action.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { useState, type ReactNode } from 'react';
import { Box, Text, useInput } from 'ink';
import type { BuildResult } from '../../../core/migrate/index.ts';
import { WORKFLOW_PATH } from '../../../core/migrate/workflow.ts';
import type { Spec } from '../../../core/spec/index.ts';
import { writeWorkflow } from '../services.ts';
import { formatBytes } from '../../render/units.ts';
import { clip, ErrorBox, Keys, Select, useColor, useWidth } from '../ui/kit.tsx';

export interface ShipStepProps {
  cwd: string;
  outDir: string;
  spec: Spec;
  specPath: string;
  built: BuildResult;
  endpoint?: { url: string; adapterId?: string };
  workflowPath?: string;
  onWorkflow: (path: string) => void;
  onFinish: () => void;
  onBack: () => void;
}

export function ShipStep(props: ShipStepProps): ReactNode {
  const { cwd, built } = props;
  const color = useColor();
  const width = useWidth();
  const [error, setError] = useState<unknown>(null);
  const show = (p: string) => relative(cwd, p) || '.';
  const a = show(built.artifactPath);
  const cases = built.evaluation ? show(built.evaluation.file) : 'cases.jsonl';
  const exists = existsSync(join(cwd, WORKFLOW_PATH));

  useInput((_i, key) => {
    if (key.escape) props.onBack();
  });

  const commands: [string, string][] = [
    ['Serve it (LoRAX API)', `kolm serve ${a} --port 8080`],
    ['Run it on JSONL', `kolm run ${a} < ${cases}`],
    ['Score it again', `kolm eval ${a} --examples ${cases}`],
    ['Sign and publish', `kolm sign ${a} --key kolm.key && kolm publish ${a} --repo OWNER/REPO --tag v1`],
  ];
  return (
    <Box flexDirection="column">
      <Text bold>Ship</Text>
      <Text color={color('green')}>{clip(`✓ ${a} · ${formatBytes(built.bytes)} · ${built.outcome.winner} recipe${built.evaluation ? ` · K ${built.evaluation.report.K.toFixed(3)}` : ''}`, width)}</Text>
      <Box marginTop={1} flexDirection="column">
        {commands.map(([what, cmd]) => (
          <Box key={what} flexDirection="column">
            <Text dimColor>{what}</Text>
            <Text color={color('cyan')}>{clip(`  ${cmd}`, width)}</Text>
          </Box>
        ))}
      </Box>
      <Box marginTop={1} flexDirection="column">
        {props.workflowPath ? <Text color={color('green')}>✓ wrote {show(props.workflowPath)}: pull requests are compiled, scored and gated by the Action</Text> : null}
        {error ? <ErrorBox error={error} /> : null}
        <Select
          items={[
            ...(props.workflowPath ? [] : [{ label: `${exists ? 'Overwrite' : 'Write'} ${WORKFLOW_PATH} (gate pull requests with the Action)`, value: 'workflow' as const }]),
            { label: 'Finish', value: 'finish' as const },
          ]}
          onSelect={(v) => {
            if (v === 'finish') return props.onFinish();
            writeWorkflow({ root: cwd, specPath: props.specPath, outDir: props.outDir, built, spec: props.spec, ...(props.endpoint ? { endpoint: props.endpoint.url, ...(props.endpoint.adapterId ? { adapterId: props.endpoint.adapterId } : {}) } : {}) }).then(props.onWorkflow, setError);
          }}
        />
      </Box>
      <Keys items={['↑↓ choose', 'enter pick', 'esc back', 'ctrl-c quit']} />
    </Box>
  );
}
