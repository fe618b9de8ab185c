import { test } from 'vitest';
import rule from '../../rules/compose/no-runtime-install.js';
import sec from '../../rules/compose/no-hardcoded-secret.js';
import { lintWithRule, pos } from './lint-with-rule.js';
test('t', async () => {
  const compose = `services:
  api:
    image: python:3.12
    command: sh -c "pip install -r requirements.txt && uvicorn main:app --reload"
    environment:
      - POSTGRES_URL=postgresql://rag_user:rag_pass@postgres:5432/rag_db
      - WEBUI_SECRET_KEY=\${WEBUI_SECRET_KEY:-0p3n-w3bu!}
      - CHROMA_SERVER_AUTH_CREDENTIALS_PROVIDER=chromadb.auth.providers.HtpasswdConfigServerAuthCredentialsProvider
  web:
    image: node:20
    command:
      - /bin/sh
      - -c
      - |
        npm ci
        npm run build && npx serve dist
  redis:
    image: redis:7
    command: redis-server --appendonly yes --requirepass rag_redis_pass
  pg:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: rag_pass
`;
  for (const r of [rule, sec]) for (const d of await lintWithRule(r, { 'compose.yaml': compose })) console.log(JSON.stringify(pos(d)), d.message, JSON.stringify(compose.slice(d.span.start, d.span.end)));
});
