"""A minimal RAG API: a liveness probe, a readiness probe and a chat endpoint to build on."""

import os

import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

VECTORDB = os.environ.get("VECTORDB", "{{vectordb}}")
LLM_BASE_URL = os.environ["LLM_BASE_URL"]
LLM_API_KEY = os.environ.get("LLM_API_KEY", "ollama")
CHAT_MODEL = os.environ.get("CHAT_MODEL", "llama3.2:3b")

app = FastAPI(title="rag-api")


@app.get("/health")
def health() -> dict[str, str]:
    """Liveness: the process answers. The container healthcheck calls this."""
    return {"status": "ok"}


def vectordb_ready() -> bool:
{{#vectordb_qdrant}}
    return httpx.get(f"{os.environ['QDRANT_URL']}/readyz", timeout=3).is_success
{{/vectordb_qdrant}}
{{#vectordb_chroma}}
    return httpx.get(f"{os.environ['CHROMA_URL']}/api/v2/heartbeat", timeout=3).is_success
{{/vectordb_chroma}}
{{#vectordb_milvus}}
    return httpx.post(f"{os.environ['MILVUS_URL']}/v2/vectordb/collections/list", json={}, timeout=3).is_success
{{/vectordb_milvus}}
{{#vectordb_pgvector}}
    import psycopg

    # libpq reads PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE from the environment.
    with psycopg.connect(connect_timeout=3) as conn:
        return conn.execute("SELECT 1").fetchone() is not None
{{/vectordb_pgvector}}


@app.get("/ready")
def ready() -> dict[str, str]:
    """Readiness: the vector database answers too."""
    try:
        ok = vectordb_ready()
    except Exception as e:  # noqa: BLE001 - any failure means not ready
        raise HTTPException(status_code=503, detail=f"{VECTORDB}: {e}") from e
    if not ok:
        raise HTTPException(status_code=503, detail=f"{VECTORDB} is not ready")
    return {"status": "ready", "vectordb": VECTORDB}


class Question(BaseModel):
    question: str


@app.post("/chat")
def chat(q: Question) -> dict[str, str]:
    """Sends the question to the model; retrieval from the vector database goes here."""
    r = httpx.post(
        f"{LLM_BASE_URL}/chat/completions",
        headers={"Authorization": f"Bearer {LLM_API_KEY}"},
        json={"model": CHAT_MODEL, "messages": [{"role": "user", "content": q.question}]},
        timeout=120,
    )
    r.raise_for_status()
    return {"answer": r.json()["choices"][0]["message"]["content"]}
