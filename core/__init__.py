"""The ground floor: helpers every app may use; it imports no app of ours."""
