"""smsdesk: bulk SMS campaigns from the desktop."""

__version__ = "0.1.0"
