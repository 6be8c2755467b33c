"""Projector mode: any page, full screen, big type, one idea per screen, clicker keys."""
