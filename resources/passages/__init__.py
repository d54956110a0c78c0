"""The shipped passages with their place-event indexes."""
