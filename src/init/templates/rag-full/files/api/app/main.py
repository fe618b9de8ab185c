"""The RAG API. Start here: add retrieval and generation routes next to /health."""

import os

from fastapi import FastAPI

app = FastAPI(title="rag-api")


@app.get("/health")
def health() -> dict[str, str]:
    """Liveness for the container healthcheck and the proxy: answers without touching backends."""
    return {"status": "ok"}


@app.get("/config")
def config() -> dict[str, str]:
    """Which backends this instance talks to (no credentials)."""
    return {
        "vectordb": "{{vectordb}}",
        "ollama_model": os.environ.get("OLLAMA_MODEL", ""),
    }
