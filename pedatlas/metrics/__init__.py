"""Pure metric functions: population-weighted inequality, accessibility and site planning."""
