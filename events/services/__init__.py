"""Domain functions of the events app, one module per concern: events, registrations, reports, calendars."""
