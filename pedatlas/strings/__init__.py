"""Per-area string tables; see pedatlas.i18n."""
