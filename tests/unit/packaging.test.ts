// The installer's Electron fuses, read from electron-builder.yml as electron-builder reads them.
// The YAML is not parsed by a library (none is a declared dependency): the fuse block is read
// strictly, and anything in it that is not `  name: true|false` fails the test rather than being
// skipped, so a fuse cannot be silently lost to a typo, an indent or a duplicate key.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');

/** The `electronFuses:` block as name → boolean; throws on any line it does not understand. */
function readFuses(text: string): Record<string, boolean> {
  const lines = text.split(/\r?\n/);
  const starts = lines.flatMap((l, i) => (/^electronFuses\s*:\s*(#.*)?$/.test(l) ? [i] : []));
  if (starts.length !== 1) throw new Error(`electronFuses appears ${starts.length} times at the top level`);
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(starts[0] + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue; // blank or comment
    if (!/^\s/.test(line)) break; // the next top-level key
    const m = /^ {2}([A-Za-z]+): (true|false)$/.exec(line);
    if (!m) throw new Error(`not a fuse line: ${JSON.stringify(line)}`);
    if (m[1] in fuses) throw new Error(`fuse ${m[1]} twice`);
    fuses[m[1]] = m[2] === 'true';
  }
  return fuses;
}

describe('Electron packaging', () => {
  const fuses = readFuses(yml);

  it('flips the fuses: no Node mode, no NODE_OPTIONS, no inspector; only the checked app.asar; cookies encrypted', () => {
    expect(fuses.runAsNode).toBe(false);
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
    expect(fuses.enableCookieEncryption).toBe(true);
    // Pages come from app://, never file://: file pages need none of their old privileges.
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('names only fuses that electron-builder knows (its own schema)', () => {
    const require = createRequire(join(ROOT, 'package.json'));
    const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
      properties: { electronFuses: { anyOf: { $ref?: string }[] } };
      definitions: Record<string, { properties: Record<string, { type: string }> }>;
    };
    const ref = scheme.properties.electronFuses.anyOf.find((a) => a.$ref)!.$ref!.replace('#/definitions/', '');
    const known = scheme.definitions[ref].properties;
    for (const name of Object.keys(fuses)) expect(known[name]?.type, name).toBe('boolean');
  });

  it('the strict reader refuses what electron-builder would read otherwise', () => {
    const base = 'appId: x\nelectronFuses:\n  runAsNode: false\nnsis:\n  oneClick: false\n';
    expect(readFuses(base)).toEqual({ runAsNode: false });
    expect(() => readFuses(base + 'electronFuses:\n  runAsNode: true\n')).toThrow(/2 times/);
    expect(() => readFuses('electronFuses:\n  runAsNode: "false"\n')).toThrow(/not a fuse line/);
    expect(() => readFuses('electronFuses:\n    runAsNode: false\n')).toThrow(/not a fuse line/);
    expect(() => readFuses('electronFuses:\n  runAsNode: false\n  runAsNode: true\n')).toThrow(/twice/);
    expect(() => readFuses('appId: x\n')).toThrow(/0 times/);
  });

  it('pins Electron exactly, the same version in package.json and the lock', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string; devDependencies?: Record<string, string> }> };
    const wanted = pkg.devDependencies.electron;
    expect(wanted).toMatch(/^45\.\d+\.\d+$/);
    expect(lock.packages[''].devDependencies!.electron).toBe(wanted);
    expect(lock.packages['node_modules/electron'].version).toBe(wanted);
  });
});
