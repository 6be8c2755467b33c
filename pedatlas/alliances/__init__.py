"""alliances page feature: builders (pure), panels (Streamlit sections), strings."""
