import {
  printable
} from "./chunk-BLKCQOPR.js";
import {
  KolmError,
  closestName,
  formatPlace,
  isKolmError
} from "./chunk-AYSNEYKG.js";

// tui/options.ts
var valueNames = /* @__PURE__ */ new WeakMap();
function value(name, option) {
  valueNames.set(option, name);
  return option;
}
var isOption = (v) => typeof v === "object" && v !== null && typeof v.definition === "function" && typeof v.transformer === "function";
function describeCommand(command) {
  const instance = new command();
  const flags = [];
  const positionals = [];
  const builder = { arity: { leading: [], extra: [], trailing: [] } };
  for (const [key, option] of Object.entries(instance)) {
    if (!isOption(option)) continue;
    let added;
    option.definition(
      {
        ...builder,
        addOption: (o) => {
          added = { names: o.names, arity: o.arity ?? 0, required: Boolean(o.required), description: o.description, hidden: Boolean(o.hidden) };
        },
        addPositional: (p) => positionals.push({ name: p.name ?? key, required: p.required ?? true, rest: false, min: 0 }),
        addRest: (r) => positionals.push({ name: r.name ?? key, required: (r.required ?? 0) > 0, rest: true, min: r.required ?? 0 }),
        addProxy: () => positionals.push({ name: key, required: false, rest: true, min: 0 })
      },
      key
    );
    if (!added) continue;
    let initial;
    try {
      initial = option.transformer(builder, key, { options: [], positionals: [] }, { env: {} });
    } catch {
      initial = void 0;
    }
    let repeatable = false;
    if (added.arity > 0) {
      try {
        const name = added.names[0];
        repeatable = Array.isArray(option.transformer(builder, key, { options: [{ name, value: "a" }, { name, value: "b" }], positionals: [] }, { env: {} }));
      } catch {
        repeatable = false;
      }
    }
    flags.push({
      ...added,
      value: valueNames.get(option) ?? (added.arity > 0 ? "value" : void 0),
      default: added.arity > 0 && initial !== void 0 && !Array.isArray(initial) ? String(initial) : void 0,
      repeatable,
      // A switch that is on unless turned off is shown as its --no- form.
      ...added.arity === 0 && initial === true ? { names: added.names.map((n) => n.replace(/^--/, "--no-")), description: added.description } : {}
    });
  }
  const usage = command.usage ?? {};
  const path = command.paths?.[0] ?? [];
  return {
    command,
    path,
    category: usage.category,
    description: usage.description,
    details: usage.details,
    examples: usage.examples ?? [],
    flags,
    positionals
  };
}
function flagNames(flag) {
  if (flag.arity > 0) return flag.names;
  return flag.names.flatMap((n) => {
    if (n.startsWith("--no-")) return [n, `--${n.slice(5)}`];
    return n.startsWith("--") ? [n, `--no-${n.slice(2)}`] : [n];
  });
}

// tui/base-command.ts
import { Command, Option, UsageError } from "clipanion";

// core/errors-format.ts
var ISSUES_URL = "https://github.com/kolm-dev/kolm-migrate/issues/new";
function formatError(err, { color = false } = {}) {
  const red = (s) => color ? `\x1B[31m${s}\x1B[39m` : s;
  const dim = (s) => color ? `\x1B[2m${s}\x1B[22m` : s;
  const report = `This is a bug in kolm-migrate; please report it with the lines above: ${ISSUES_URL}`;
  if (isKolmError(err)) {
    const lines = [`${red(`error[${err.code}]`)}: ${printable(err.message)}`];
    const place = formatPlace(err.place);
    if (place) lines.push(`  ${dim("at:")}   ${printable(place, { newlines: false })}`);
    if (err.hint) lines.push(`  ${dim("hint:")} ${printable(err.hint)}`);
    if (err.code === "E_INTERNAL") lines.push(report);
    return lines.join("\n");
  }
  const e = err;
  return `${red("internal error")}: ${printable(e?.message ?? String(err))}
${dim(printable(e?.stack ?? ""))}
${report}`;
}
function errorJson(err) {
  if (isKolmError(err)) return { ...err.toJSON(), code: err.code };
  return { code: "E_INTERNAL", message: String(err?.message ?? err) };
}

// tui/render/errors.ts
function exitCodeFor(err) {
  if (!isKolmError(err)) return 1;
  if (err.code === "E_USAGE") return 2;
  if (err.code === "E_GATE_FAILED") return 3;
  return 1;
}

// tui/render/help.ts
var SHARED = /* @__PURE__ */ new Set(["--json", "--verbose"]);
var bold = (s, color) => color ? `\x1B[1m${s}\x1B[22m` : s;
function flagLabel(flag) {
  const names = [...flag.names].sort((a, b) => b.length - a.length).join(", ");
  return flag.arity > 0 ? `${names} <${flag.value ?? "value"}>${flag.repeatable ? "..." : ""}` : names;
}
function positionalLabel(p) {
  if (p.rest) return p.min > 0 ? `<${p.name}>...` : `[${p.name}...]`;
  return p.required ? `<${p.name}>` : `[${p.name}]`;
}
function usageLine(spec, binaryName) {
  const required = spec.flags.filter((f) => f.required && !f.hidden).map(flagLabel);
  const optional = spec.flags.some((f) => !f.required && !f.hidden);
  return [binaryName, ...spec.path, ...required, ...optional ? ["[flags]"] : [], ...spec.positionals.map(positionalLabel)].join(" ");
}
function dedent(text) {
  const lines = text.replace(/^\n+|\s+$/g, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}
function table(rows, indent = "  ") {
  const width = Math.min(34, Math.max(...rows.map(([k]) => k.length)));
  return rows.map(([k, v]) => k.length > width ? `${indent}${k}
${indent}${" ".repeat(width)}  ${v}` : `${indent}${k.padEnd(width)}  ${v}`);
}
function renderCommandHelp(spec, style) {
  const { color, binaryName } = style;
  const out = [];
  if (spec.description) out.push(spec.description, "");
  out.push(`${bold("Usage:", color)} ${usageLine(spec, binaryName)}`, "");
  const args = spec.positionals.filter((p) => p.name);
  if (args.length) {
    out.push(bold("Arguments:", color));
    out.push(...table(args.map((p) => [positionalLabel(p), p.rest ? p.min > 0 ? `one or more (at least ${p.min})` : "any number" : p.required ? "required" : "optional"])));
    out.push("");
  }
  const visible = spec.flags.filter((f) => !f.hidden);
  const shared = visible.filter((f) => SHARED.has(f.names[0]));
  const flags = [...visible.filter((f) => !SHARED.has(f.names[0])), ...shared];
  out.push(bold("Flags:", color));
  out.push(
    ...table([
      ...flags.map((f) => {
        const notes = [f.required ? "required" : "", f.default !== void 0 && f.default !== "" ? `default: ${f.default}` : "", f.repeatable ? "repeatable" : ""].filter(Boolean).join("; ");
        return [flagLabel(f), `${f.description ?? ""}${notes ? ` (${notes})` : ""}`];
      }),
      ["--help, -h", "Show this help"]
    ])
  );
  if (spec.details) out.push("", bold("Details:", color), ...dedent(spec.details).split("\n").map((l) => l ? `  ${l}` : ""));
  if (spec.examples.length) {
    out.push("", bold("Examples:", color));
    for (const [label, line] of spec.examples) out.push(`  ${label}`, `    $ ${line.replace(/\$0/g, binaryName)}`);
  }
  return `${out.join("\n")}
`;
}
function renderCommandList(specs, info, style) {
  const { color, binaryName } = style;
  const out = [`${info.label} (${info.version})`, "", `${bold("Usage:", color)} ${binaryName} <command> [flags]`, ""];
  const categories = /* @__PURE__ */ new Map();
  for (const s of specs) {
    const c = s.category ?? "Other";
    categories.set(c, [...categories.get(c) ?? [], s]);
  }
  const rows = (list) => list.map((s) => [s.path.join(" "), s.description ?? ""]);
  const width = Math.max(...specs.map((s) => s.path.join(" ").length), "help [command]".length);
  const line = ([k, v]) => `  ${bold(k.padEnd(width), color)}  ${v}`;
  for (const [category, list] of categories) out.push(bold(`${category}:`, color), ...rows(list).map(line), "");
  out.push(bold("Help:", color), line(["help [command]", "Show the help of a command (or this list)"]), line(["version", `Print the version of ${binaryName}`]), "");
  out.push(`Run \`${binaryName} help <command>\` or \`${binaryName} <command> --help\` for its flags and examples.`);
  if (info.footer) out.push(info.footer);
  return `${out.join("\n")}
`;
}

// tui/render/progress.ts
function createCliReporter(stream, { quiet = false, now = () => Date.now() } = {}) {
  const tty = Boolean(stream.isTTY) && !quiet;
  let lastStage = "";
  let lastDecile = -1;
  let lastDraw = 0;
  let barShown = false;
  const clearBar = () => {
    if (barShown) {
      stream.write("\r\x1B[2K");
      barShown = false;
    }
  };
  return {
    progress(e) {
      if (quiet) return;
      const fraction = e.total ? Math.min(1, (e.done ?? 0) / e.total) : void 0;
      if (tty) {
        const t = now();
        if (t - lastDraw < 50 && e.stage === lastStage && fraction !== 1) return;
        lastDraw = t;
        lastStage = e.stage;
        const width = 24;
        const bar = fraction === void 0 ? "" : `[${"\u2588".repeat(Math.round(fraction * width)).padEnd(width, "\u2591")}] ${Math.round(fraction * 100)}% `;
        stream.write(`\r\x1B[2K${e.stage} ${bar}${e.message ?? ""}`.slice(0, (stream.columns || 100) - 1));
        barShown = true;
        return;
      }
      const decile = fraction === void 0 ? -1 : Math.floor(fraction * 10);
      if (e.stage !== lastStage || decile > lastDecile) {
        lastStage = e.stage;
        lastDecile = decile;
        const pct = fraction === void 0 ? "" : ` ${Math.round(fraction * 100)}%`;
        stream.write(`${e.stage}${pct}${e.message ? ` ${e.message}` : ""}
`);
      }
    },
    info(m) {
      if (quiet) return;
      clearBar();
      stream.write(`${m}
`);
    },
    warn(m) {
      if (quiet) return;
      clearBar();
      stream.write(`warning: ${m}
`);
    }
  };
}

// tui/usage-errors.ts
var BUILTIN_COMMANDS = ["help", "version"];
var isFlag = (token) => token.startsWith("-") && token !== "-" && !/^-\d/.test(token);
function findCommand(args, specs) {
  let best;
  for (const s of specs) {
    if (s.path.length > args.length || !s.path.every((p, i) => args[i] === p)) continue;
    if (!best || s.path.length > best.path.length) best = s;
  }
  return best;
}
function diagnoseUsage(args, specs, binaryName, fallback) {
  const spec = findCommand(args, specs);
  if (!spec) return unknownCommand(args, specs, binaryName);
  const name = [binaryName, ...spec.path].join(" ");
  const help = `${name} --help lists every flag`;
  const rest = args.slice(spec.path.length);
  const seen = /* @__PURE__ */ new Set();
  const positionals = [];
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (token === "--") {
      positionals.push(...rest.slice(i + 1));
      break;
    }
    if (!isFlag(token)) {
      positionals.push(token);
      continue;
    }
    const [flagName, bound] = token.includes("=") ? [token.slice(0, token.indexOf("=")), token.slice(token.indexOf("=") + 1)] : [token, void 0];
    if (flagName === "--help" || flagName === "-h") continue;
    const flag = spec.flags.find((f) => flagNames(f).includes(flagName));
    if (!flag) {
      const all = spec.flags.flatMap((f) => f.hidden ? [] : flagNames(f));
      const near = closestName(flagName, all);
      return new KolmError("E_USAGE", `${name} has no flag ${flagName}${near ? `; did you mean ${near}?` : ""}`, { hint: help });
    }
    seen.add(flag);
    if (flag.arity === 0) {
      if (bound !== void 0) return new KolmError("E_USAGE", `${flagName} is a switch and takes no value (got ${flagName}=${bound})`, { hint: help });
      continue;
    }
    if (bound !== void 0) continue;
    const next = rest[i + 1];
    if (next === void 0 || isFlag(next)) {
      return new KolmError("E_USAGE", `${flagName} needs a value: ${flagLabel(flag)}`, { hint: flag.description ? `${flagName}: ${flag.description}` : help });
    }
    i++;
  }
  const missing = spec.flags.filter((f) => f.required && !seen.has(f));
  if (missing.length) {
    const [first] = missing;
    return new KolmError("E_USAGE", `${name} needs ${missing.map(flagLabel).join(" and ")}${missing.length === 1 && first.description ? ` (${first.description})` : ""}`, {
      hint: `usage: ${usageLine(spec, binaryName)}`
    });
  }
  const fixed = spec.positionals.filter((p) => !p.rest);
  const requiredCount = fixed.filter((p) => p.required).length + spec.positionals.filter((p) => p.rest).reduce((n, p) => n + p.min, 0);
  if (positionals.length < requiredCount) {
    const missingArgs = spec.positionals.filter((p) => p.required).slice(positionals.length).map((p) => `<${p.name}>`);
    return new KolmError("E_USAGE", `${name} needs ${missingArgs.join(" ") || "more arguments"}`, { hint: `usage: ${usageLine(spec, binaryName)}` });
  }
  if (!spec.positionals.some((p) => p.rest) && positionals.length > fixed.length) {
    const extra = positionals[fixed.length];
    const sub = spec.path.length === 0 ? closestName(extra, specs.flatMap((s) => s.path.length ? [s.path.join(" ")] : []).concat(BUILTIN_COMMANDS)) : void 0;
    const most = fixed.some((p) => !p.required) ? "at most " : "";
    return new KolmError("E_USAGE", `${name} takes ${fixed.length === 0 ? "no arguments" : `${most}${fixed.length} argument${fixed.length === 1 ? "" : "s"}`}; unexpected ${JSON.stringify(extra)}${sub ? `; did you mean ${binaryName} ${sub}?` : ""}`, {
      hint: `usage: ${usageLine(spec, binaryName)} (quote a value that holds spaces)`
    });
  }
  const reason = fallback.split("\n")[0].trim() || "the command line does not parse";
  return new KolmError("E_USAGE", reason.charAt(0).toLowerCase() + reason.slice(1), { hint: help });
}
function unknownCommand(args, specs, binaryName) {
  const first = args[0] ?? "";
  const hint = `${binaryName} --help lists every command`;
  if (isFlag(first)) {
    const near2 = closestName(first.split("=")[0], ["--help", "--version"]);
    return new KolmError("E_USAGE", `${binaryName} has no flag ${first}${near2 ? `; did you mean ${near2}?` : ""}`, { hint });
  }
  const group = specs.filter((s) => s.path.length > 1 && s.path[0] === first);
  if (group.length) {
    const subs = group.map((s) => s.path.slice(1).join(" "));
    const given = args[1];
    if (given === void 0 || isFlag(given)) {
      return new KolmError("E_USAGE", `${binaryName} ${first} needs a subcommand: ${subs.join(", ")}`, { hint: `${binaryName} help ${first} ${subs[0]}` });
    }
    const near2 = closestName(given, subs);
    return new KolmError("E_USAGE", `${binaryName} ${first} has no subcommand ${JSON.stringify(given)}${near2 ? `; did you mean ${binaryName} ${first} ${near2}?` : ` (it has ${subs.join(", ")})`}`, { hint });
  }
  const names = [...new Set(specs.flatMap((s) => s.path.length ? [s.path[0]] : []).concat(BUILTIN_COMMANDS))];
  const near = closestName(first, names);
  return new KolmError("E_USAGE", `unknown command ${JSON.stringify(first)}${near ? `; did you mean ${binaryName} ${near}?` : ""}`, { hint });
}

// tui/base-command.ts
var KolmCommand = class extends Command {
  json = Option.Boolean("--json", false, { description: "Print the result as JSON on stdout (and nothing else there)" });
  verbose = Option.Boolean("--verbose", false, { description: "Progress lines on stderr even with --json" });
  /** Flag values clipanion could not validate (`--port abc`) are usage errors too: E_USAGE, exit 2. */
  async validateAndExecute() {
    try {
      return await super.validateAndExecute();
    } catch (err) {
      const path = this.constructor.paths?.[0] ?? [];
      const error = err instanceof UsageError ? new KolmError("E_USAGE", lowerFirst(err.message), { hint: `${this.cli.binaryName} ${path.join(" ")} --help`.replace(/ {2,}/g, " ") }) : err;
      this.printError(error);
      return exitCodeFor(error);
    }
  }
  async execute() {
    try {
      return await this.run();
    } catch (err) {
      if (err instanceof UsageError) throw err;
      this.printError(err);
      return exitCodeFor(err);
    }
  }
  /** Progress on stderr: a bar on a TTY, plain lines otherwise, nothing under --json unless --verbose. */
  reporter() {
    return createCliReporter(this.context.stderr, { quiet: this.json && !this.verbose });
  }
  out(text) {
    this.context.stdout.write(text.endsWith("\n") ? text : `${text}
`);
  }
  outJson(value2) {
    this.context.stdout.write(`${JSON.stringify(value2, null, 2)}
`);
  }
  printError(err) {
    if (this.json) {
      this.context.stdout.write(`${JSON.stringify({ ok: false, error: errorJson(err) }, null, 2)}
`);
    }
    this.context.stderr.write(`${formatError(err, { color: colorEnabled(this.context) })}
`);
  }
};
var lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);
function colorEnabled(ctx, stream = ctx.stderr) {
  if (ctx.env.NO_COLOR !== void 0 && ctx.env.NO_COLOR !== "") return false;
  if (ctx.env.FORCE_COLOR && ctx.env.FORCE_COLOR !== "0") return true;
  return Boolean(stream.isTTY);
}
async function runCommandLine(cli, args, context, table2) {
  const specs = table2.commands.map(describeCommand);
  const { info } = table2;
  const style = { color: colorEnabled(context, context.stdout), binaryName: info.binaryName };
  const usageError = (error) => {
    if (args.includes("--json")) context.stdout.write(`${JSON.stringify({ ok: false, error: errorJson(error) }, null, 2)}
`);
    context.stderr.write(`${formatError(error, { color: colorEnabled(context) })}
`);
    return 2;
  };
  const hasDefault = specs.some((s) => s.path.length === 0);
  const [first] = args;
  if (first === "version" || first === "--version" || first === "-v") {
    context.stdout.write(`${info.version}
`);
    return 0;
  }
  if (first === void 0 && !hasDefault || first === "help" || !hasDefault && (first === "--help" || first === "-h")) {
    const asked = args.slice(1);
    const target = asked.length ? findCommand(asked, specs) : hasDefault ? specs.find((s) => s.path.length === 0) : void 0;
    const group = specs.filter((s) => s.path.length > asked.length && asked.every((a, i) => s.path[i] === a));
    if (asked.length && (!target || target.path.length !== asked.length) && group.length) {
      context.stdout.write(renderCommandList(group, info, style));
      return 0;
    }
    if (asked.length && (!target || target.path.length !== asked.length)) return usageError(diagnoseUsage(asked, specs.filter((s) => s.path.length > 0), info.binaryName, ""));
    context.stdout.write(target ? renderCommandHelp(target, style) : renderCommandList(specs, info, style));
    return 0;
  }
  const beforeDashes = args.includes("--") ? args.slice(0, args.indexOf("--")) : args;
  if (beforeDashes.includes("--help") || beforeDashes.includes("-h")) {
    const spec = findCommand(args, specs);
    const words = beforeDashes.filter((a) => !a.startsWith("-"));
    const group = specs.filter((s) => s.path.length > 1 && s.path[0] === words[0]);
    if (spec) context.stdout.write(renderCommandHelp(spec, style));
    else context.stdout.write(renderCommandList(group.length ? group : specs, info, style));
    return 0;
  }
  let command;
  try {
    command = cli.process(args, context);
  } catch (err) {
    return usageError(diagnoseUsage(args, specs, info.binaryName, err.message ?? String(err)));
  }
  return cli.run(command, context);
}

export {
  value,
  KolmCommand,
  runCommandLine
};
