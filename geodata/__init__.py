"""Border and place data of Europe 1920-22, built by geodata/build/ (see README.md)."""
