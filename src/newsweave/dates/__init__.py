"""When: temporal expressions, the calendar, each article's date and the story's timeline."""
