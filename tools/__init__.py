"""The shared tools register: tools and apps that coalitions build or use."""
