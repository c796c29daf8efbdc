"""The permission matrix's world (two regions, two coalitions, every role and object) for the attack tests."""

from tests.kennisportaal.test_permission_matrix import world  # noqa: F401  (a fixture, used by name)
