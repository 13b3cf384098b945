import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ArtifactDownloadError } from '../../src/errors.js';
import { downloadArtifacts } from '../../src/prerequisites/download-artifacts.js';
import type { MavenArtifact } from '../../src/prerequisites/kafka-artifacts.js';

const CLIENTS: MavenArtifact = { groupId: 'org.apache.kafka', artifactId: 'kafka-clients', version: '4.2.2' };
const SIMPLE: MavenArtifact = { groupId: 'org.slf4j', artifactId: 'slf4j-simple', version: '2.0.17' };
const MISSING: MavenArtifact = { groupId: 'org.example', artifactId: 'absent', version: '1.0' };

const sha1 = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');

/**
 * A small repository laid out like Maven Central, on loopback: each jar beside its `.sha1`, as Central
 * publishes them. It counts requests, so a test can tell a jar that was kept from one fetched again.
 */
const startRepository = async () => {
  const files = new Map<string, Buffer>();
  const requests: string[] = [];
  const publish = (path: string, jar: Buffer, published = jar): void => {
    files.set(path, jar);
    // Central's .sha1 files are the bare digest; some older ones add the file name.
    files.set(`${path}.sha1`, Buffer.from(`${sha1(published)}  ${path.split('/').pop()}\n`));
  };
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const body = files.get(request.url ?? '');
    response.writeHead(body === undefined ? 404 : 200).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/maven2`, files, requests, publish, server };
};

describe('Function: downloadArtifacts', () => {
  const clientsJar = randomBytes(64 * 1024);
  const simpleJar = randomBytes(4 * 1024);
  let repository: Awaited<ReturnType<typeof startRepository>>;
  let targetDir: string;

  beforeAll(async () => {
    repository = await startRepository();
  });
  afterAll(async () => {
    await new Promise((resolve) => repository.server.close(resolve));
  });
  beforeEach(() => {
    repository.files.clear();
    repository.requests.length = 0;
    repository.publish('/maven2/org/apache/kafka/kafka-clients/4.2.2/kafka-clients-4.2.2.jar', clientsJar);
    repository.publish('/maven2/org/slf4j/slf4j-simple/2.0.17/slf4j-simple-2.0.17.jar', simpleJar);
    targetDir = join(mkdtempSync(join(tmpdir(), 'hashbridge-download-test-')), 'kafka');
    return () => rmSync(join(targetDir, '..'), { recursive: true, force: true });
  });

  it('fetches each jar from the group path, under the name Maven gives it, checked against its .sha1', async () => {
    // Act
    const result = await downloadArtifacts({
      artifacts: [CLIENTS, SIMPLE],
      targetDir,
      repositoryUrl: repository.url,
    });

    // Assess
    expect(result).toEqual({ downloaded: 2, kept: 0 });
    expect(readdirSync(targetDir).sort()).toEqual(['kafka-clients-4.2.2.jar', 'slf4j-simple-2.0.17.jar']);
    expect(readFileSync(join(targetDir, 'kafka-clients-4.2.2.jar'))).toEqual(clientsJar);
    expect(readFileSync(join(targetDir, 'slf4j-simple-2.0.17.jar'))).toEqual(simpleJar);
  });

  it('keeps a jar that is already there and matches, fetching only its checksum', async () => {
    // Prepare
    await downloadArtifacts({ artifacts: [CLIENTS, SIMPLE], targetDir, repositoryUrl: repository.url });
    rmSync(join(targetDir, 'slf4j-simple-2.0.17.jar'));
    repository.requests.length = 0;

    // Act
    const result = await downloadArtifacts({ artifacts: [CLIENTS, SIMPLE], targetDir, repositoryUrl: repository.url });

    // Assess
    expect(result).toEqual({ downloaded: 1, kept: 1 });
    expect(repository.requests).not.toContain('/maven2/org/apache/kafka/kafka-clients/4.2.2/kafka-clients-4.2.2.jar');
    expect(repository.requests).toContain('/maven2/org/slf4j/slf4j-simple/2.0.17/slf4j-simple-2.0.17.jar');
  });

  it('fetches a corrupt jar again and says so', async () => {
    // Prepare: a download cut short left half a jar under its name.
    await downloadArtifacts({ artifacts: [CLIENTS], targetDir, repositoryUrl: repository.url });
    writeFileSync(join(targetDir, 'kafka-clients-4.2.2.jar'), clientsJar.subarray(0, 1000));
    const lines: string[] = [];

    // Act
    const result = await downloadArtifacts({
      artifacts: [CLIENTS],
      targetDir,
      repositoryUrl: repository.url,
      log: (line) => lines.push(line),
    });

    // Assess
    expect(result).toEqual({ downloaded: 1, kept: 0 });
    expect(readFileSync(join(targetDir, 'kafka-clients-4.2.2.jar'))).toEqual(clientsJar);
    expect(lines).toEqual(['kafka-clients-4.2.2.jar does not match its published SHA-1: fetching it again']);
  });

  it('throws ERR_ARTIFACT_DOWNLOAD when a jar does not match its published SHA-1, and keeps no file of it', async () => {
    // Prepare: the repository serves other bytes than the checksum it publishes.
    repository.publish(
      '/maven2/org/apache/kafka/kafka-clients/4.2.2/kafka-clients-4.2.2.jar',
      randomBytes(1024),
      clientsJar,
    );

    // Act
    const download = downloadArtifacts({ artifacts: [CLIENTS], targetDir, repositoryUrl: repository.url });

    // Assess
    await expect(download).rejects.toBeInstanceOf(ArtifactDownloadError);
    await expect(download).rejects.toMatchObject({ code: 'ERR_ARTIFACT_DOWNLOAD' });
    expect(readdirSync(targetDir)).toEqual([]);
  });

  it('throws ERR_ARTIFACT_DOWNLOAD naming the address when the repository has no such jar', async () => {
    // Act
    const download = downloadArtifacts({ artifacts: [SIMPLE, MISSING], targetDir, repositoryUrl: repository.url });

    // Assess
    await expect(download).rejects.toMatchObject({
      code: 'ERR_ARTIFACT_DOWNLOAD',
      message: expect.stringContaining('/maven2/org/example/absent/1.0/absent-1.0.jar.sha1 answered 404'),
    });
    expect(existsSync(join(targetDir, 'absent-1.0.jar'))).toBe(false);
  });
});
