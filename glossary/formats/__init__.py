"""Exchange formats: one module per format behind one read/write interface."""
