"""Pure section builders: (scope, data) -> Section. They neither query nor import streamlit."""
