"""Codes people read aloud and type: team access codes, prize codes and game PINs."""
import secrets

# No 0/O, 1/I/L: a code read aloud or typed by staff must not be ambiguous.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
DIGITS = "0123456789"  # game PINs: typed on a phone's number pad


def new_code(length, alphabet=ALPHABET):
    return "".join(secrets.choice(alphabet) for _ in range(length))
