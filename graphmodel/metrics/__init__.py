"""Network metrics as pure functions on networkx graphs (one topic per module)."""
