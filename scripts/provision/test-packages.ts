/**
 * The Debian packages `npm test` needs besides Node, Go and Java + Maven. No font package: Chromium's
 * own dependencies bring one (fontconfig-config needs fonts-dejavu-core or another), and DejaVu
 * covers Vietnamese.
 */
export function testSuitePackages(env: NodeJS.ProcessEnv = process.env): string[] {
  return [
    // The time-skipping test server's `--start-at` preloads libfaketimeMT into the JVM
    // (scripts/provision/test-server.ts); the `faketime` command itself is not used.
    'libfaketime',
    // The designer's browser tests: playwright-core drives Debian's chromium, unless MOTCUA_CHROMIUM names another browser.
    ...(env.MOTCUA_CHROMIUM ? [] : ['chromium']),
    // The cluster's coherence tests, which npm test ends with (PostgreSQL under Temporal and FerretDB, HAProxy before the APIs).
    'postgresql',
    'haproxy',
  ];
}
