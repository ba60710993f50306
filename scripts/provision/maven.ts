import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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

/** Copies a Java artifact and its runtime dependencies from Maven Central into `libDirectory`. */
export async function fetchMavenArtifact(mvn: string, artifact: MavenArtifact, libDirectory: string): Promise<void> {
  const pomDirectory = await mkdtemp(path.join(os.tmpdir(), 'motcua-maven-'));
  try {
    await writeFile(path.join(pomDirectory, 'pom.xml'), projectObjectModel(artifact));
    await runCommand(mvn, ['-B', '-q', 'dependency:copy-dependencies', `-DoutputDirectory=${libDirectory}`, '-DincludeScope=runtime'], {
      cwd: pomDirectory,
    });
  } finally {
    await rm(pomDirectory, { recursive: true, force: true });
  }
}
