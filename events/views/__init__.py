"""Pages of the events app, one module per audience or concern."""
