import { chmod, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from './commands.js';

export interface MavenArtifact {
  groupId: string;
  artifactId: string;
  version: string;
}

function projectObjectModel(artifact: MavenArtifact): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>motcua.provision</groupId>
  <artifactId>${artifact.artifactId}-runtime</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>${artifact.groupId}</groupId>
      <artifactId>${artifact.artifactId}</artifactId>
      <version>${artifact.version}</version>
    </dependency>
  </dependencies>
</project>
`;
}

/**
 * Fetches a Java artifact and its runtime dependencies from Maven Central into `destination/lib`
 * and writes `destination/<launcherName>`, an executable that runs `mainClass` with them.
 * The directory appears whole or not at all.
 */
export async function installJavaLauncher(
  mvn: string,
  artifact: MavenArtifact,
  mainClass: string,
  destination: string,
  launcherName: string,
): Promise<string> {
  await mkdir(path.dirname(destination), { recursive: true });
  const staging = await mkdtemp(`${destination}.partial-`);
  const pomDirectory = await mkdtemp(path.join(os.tmpdir(), 'motcua-maven-'));
  try {
    await writeFile(path.join(pomDirectory, 'pom.xml'), projectObjectModel(artifact));
    await runCommand(
      mvn,
      ['-B', '-q', 'dependency:copy-dependencies', `-DoutputDirectory=${path.join(staging, 'lib')}`, '-DincludeScope=runtime'],
      { cwd: pomDirectory },
    );
    const launcher = path.join(staging, launcherName);
    await writeFile(launcher, `#!/bin/sh\nexec java -cp '${path.join(destination, 'lib')}/*' ${mainClass} "$@"\n`);
    await chmod(launcher, 0o755);
    await rename(staging, destination).catch(async (error: NodeJS.ErrnoException) => {
      // Another provisioning run finished first: keep its copy.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      await rm(staging, { recursive: true, force: true });
    });
    return path.join(destination, launcherName);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(pomDirectory, { recursive: true, force: true });
  }
}
