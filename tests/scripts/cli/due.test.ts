import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../../scripts/runtime/config.js';
import { run } from '../../../scripts/cli/due.js';
import saturdayOffice from '../../engine/calendar/fixtures/saturday-office.json' with { type: 'json' };

/** Runs `motcua due …` in-process and returns what it printed. */
async function due(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  const code = await run(args);
  return { code, out, err };
}

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.MOTCUA_CALENDAR_DIR;
});

describe('motcua due', () => {
  it.each([
    ['2026-02-12T10:00+07:00', '5WD', '2026-02-26T17:00:00+07:00'],
    ['2026-02-12T15:30+07:00', '5WD', '2026-02-27T17:00:00+07:00'],
    ['2026-02-12T14:00+07:00', '8WH', '2026-02-13T14:00:00+07:00'],
    ['2026-02-12T07:00Z', '8WH', '2026-02-13T14:00:00+07:00'],
    ['2026-03-05T10:00', 'P20D', '2026-03-25T17:00:00+07:00'],
  ])('--from %s --limit %s prints %s', async (from, limit, expected) => {
    const { code, out, err } = await due('--from', from, '--limit', limit);
    expect({ code, out, err }).toEqual({ code: 0, out: [expected], err: [] });
  });

  it('takes a procedure’s cut-off, or none', async () => {
    expect((await due('--from', '2026-03-05T15:30', '--limit', '1WD', '--cutoff', '16:00')).out).toEqual(['2026-03-06T17:00:00+07:00']);
    expect((await due('--from', '2026-03-05T16:00', '--limit', '8WH', '--cutoff', 'none')).out).toEqual(['2026-03-06T16:00:00+07:00']);
  });

  it('explains the count: the clock start, the working time in between and the days off skipped', async () => {
    const { code, out } = await due('--from', '2026-02-12T15:30', '--limit', '5WD', '--explain');
    expect(code).toBe(0);
    expect(out[0]).toBe('2026-02-27T17:00:00+07:00');
    expect(out).toContain('clock starts  2026-02-13T08:00:00+07:00 (Friday): received after the 15:00 cut-off, so the next working day');
    expect(out).toContain('between       5 working days after the effective receipt day, 48 working hours from the clock start');
    expect(out.filter((line) => line.includes('Tết Nguyên Đán Bính Ngọ'))).toHaveLength(5);
    expect(out.at(-1)).toMatch(/^calendar      vn-national \(version [0-9a-f]{12}\)$/);
  });

  it.each([
    [['--limit', '5WD'], /^motcua due: --from is required/],
    [['--from', '2026-02-12T10:00'], /^motcua due: --limit is required/],
    [['--from', '2026-02-12T10:00', '--limit', '5 days'], /^motcua due: --limit "5 days" is not a legal duration/],
    [['--from', '12/02/2026', '--limit', '5WD'], /^motcua due: "12\/02\/2026" is not an ISO-8601 instant/],
    [['--from', '2026-02-12T10:00', '--limit', '5WD', '--cutoff', '3pm'], /^motcua due: --cutoff "3pm" is not a time of day/],
    [['--from', '2030-01-02T10:00', '--limit', '5WD'], /^motcua due: received at 2030-01-02T10:00:00\+07:00 is outside the years loaded in calendar vn-national \(2025–2027\)$/],
    [['--from', '2027-12-20T10:00', '--limit', '20WD'], /^motcua due: .*falls outside the years loaded/],
    [['--from', '2026-02-12T10:00', '--limit', '5WD', '--calendar', 'nowhere'], /^motcua due: unknown calendar "nowhere"/],
    [['--from', '2026-02-12T10:00', '--limit', '5WD', '--fast'], /^motcua due: Unknown option '--fast'/],
  ])('rejects %j with one clear line and exit code 2', async (args, message) => {
    const { code, out, err } = await due(...args);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
  });
});

describe('motcua due with agency calendars', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'motcua-calendars-'));
    await cp(path.join(projectRoot, 'engine/calendar/data/vn-national'), path.join(directory, 'vn-national'), { recursive: true });
    await mkdir(path.join(directory, 'agencies'));
    await writeFile(path.join(directory, 'agencies/example-saturday-office.json'), JSON.stringify(saturdayOffice));
    await writeFile(path.join(directory, 'agencies/broken.json'), '{ "id": "broken", ');
    await writeFile(path.join(directory, 'agencies/invalid.json'), JSON.stringify({ ...saturdayOffice, id: 'invalid', week: { saturday: [{ start: '07:30', end: '07:00' }] } }));
  });

  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('counts a Saturday-morning office’s Saturday, with its own cut-off', async () => {
    process.env.MOTCUA_CALENDAR_DIR = directory;
    expect((await due('--from', '2026-03-06T15:30', '--limit', '1WD', '--calendar', 'example-saturday-office')).out).toEqual(['2026-03-07T11:30:00+07:00']);
  });

  it('stops on calendar data that cannot be used, naming the file or the field', async () => {
    process.env.MOTCUA_CALENDAR_DIR = directory;
    await expect(due('--from', '2026-03-06T15:30', '--limit', '1WD', '--calendar', 'broken')).rejects.toThrow(/agencies\/broken\.json: not valid JSON/);
    await expect(due('--from', '2026-03-06T15:30', '--limit', '1WD', '--calendar', 'invalid')).rejects.toThrow(
      /calendar invalid: week\.saturday\[0\]: session 07:30–07:00 ends before it starts/,
    );
  });
});

describe('npx motcua due, as a user runs it', () => {
  it('prints the due instant and exits 0; a bad argument exits 2 with one line', async () => {
    const motcua = (...args: string[]) => promisify(execFile)(process.execPath, ['scripts/motcua.js', 'due', ...args], { cwd: projectRoot });
    const { stdout } = await motcua('--from', '2026-02-12T15:30+07:00', '--limit', '5WD');
    expect(stdout).toBe('2026-02-27T17:00:00+07:00\n');
    const failure = await motcua('--from', 'tomorrow', '--limit', '5WD').catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2, stderr: 'motcua due: "tomorrow" is not an ISO-8601 instant such as 2026-02-12T15:30+07:00\n' });
  });
});
