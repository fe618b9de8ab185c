"""The RAG API."""
