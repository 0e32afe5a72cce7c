"""Stage 4 — report: the Quarto project in report/ rendered from the warehouse (Quarto, or pandoc + Typst)."""
