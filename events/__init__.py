"""Events: meetings of coalitions, registrations, reports and follow-up agreements."""
