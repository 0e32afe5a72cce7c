"""Shared plumbing: settings (paths read when called, never at import), periods, the warehouse."""
