import { describe, expect, it } from 'vitest';
import { classifyComposeName, environmentOfName, environmentWords, isComposeName, isDockerfileName } from '../../src/discover/patterns.js';

describe('file name patterns', () => {
  it.each([
    'compose.yaml',
    'compose.yml',
    'docker-compose.yml',
    'docker-compose.yaml',
    'docker-compose-example.yaml',
    'compose.prod.yaml',
    'docker-compose.override.yml',
    'docker-compose_dev.yml',
    'ollama.compose.yaml',
    'Docker-Compose.YML',
  ])('%s is a Compose file by name', (name) => {
    expect(isComposeName(name)).toBe(true);
  });

  it.each(['composer.yaml', 'compose.json', 'my-compose.yaml', 'compose.yaml.bak', 'values.yaml'])('%s is not a Compose file by name', (name) => {
    expect(isComposeName(name)).toBe(false);
  });

  it.each(['Dockerfile', 'Dockerfile.dev', 'Dockerfile.prod', 'api.Dockerfile', 'web.dockerfile', 'Containerfile'])('%s is a Dockerfile', (name) => {
    expect(isDockerfileName(name)).toBe(true);
  });

  it.each(['Dockerfile.dockerignore', 'Dockerfile.md', 'dockerfile-lint.json', 'Dockerfiles', 'README.md'])('%s is not a Dockerfile', (name) => {
    expect(isDockerfileName(name)).toBe(false);
  });
});

describe('classifyComposeName', () => {
  it('reads overlays, environment files and bases', () => {
    expect(classifyComposeName('compose.prod.yaml')).toEqual({ kind: 'overlay', prefix: 'compose', env: 'prod' });
    expect(classifyComposeName('docker-compose.production.yml')).toEqual({ kind: 'overlay', prefix: 'docker-compose', env: 'prod' });
    expect(classifyComposeName('docker-compose.override.yml')).toEqual({ kind: 'overlay', prefix: 'docker-compose', env: 'dev' });
    expect(classifyComposeName('compose.local.yaml')).toMatchObject({ env: 'dev' });
    expect(classifyComposeName('compose.ci.yaml')).toMatchObject({ env: 'test' });
    expect(classifyComposeName('compose.staging.yaml')).toMatchObject({ env: 'staging' });
    expect(classifyComposeName('compose.gpu.yaml')).toEqual({ kind: 'overlay', prefix: 'compose', env: undefined });
    expect(classifyComposeName('dev.yaml')).toEqual({ kind: 'env-file', env: 'dev' });
    expect(classifyComposeName('prod.compose.yaml')).toEqual({ kind: 'env-file', env: 'prod' });
    expect(classifyComposeName('core.yaml')).toEqual({ kind: 'base', core: 'core', env: 'prod' });
    expect(classifyComposeName('docker-compose-dev.yml')).toEqual({ kind: 'base', core: 'docker-compose-dev', env: 'dev' });
  });

  it('takes extra environment words from the config', () => {
    const words = environmentWords({ qa: 'test' });
    expect(classifyComposeName('compose.qa.yaml', words)).toEqual({ kind: 'overlay', prefix: 'compose', env: 'test' });
    expect(environmentOfName('compose.qa.yaml', words)).toBe('test');
  });

  it('gives a lone file the environment its name says, else prod', () => {
    expect(environmentOfName('docker-compose.dev.yml')).toBe('dev');
    expect(environmentOfName('docker-compose-example.yaml')).toBe('prod');
    expect(environmentOfName('compose.yaml')).toBe('prod');
    expect(environmentOfName('compose.gpu.yaml')).toBe('prod');
  });
});
