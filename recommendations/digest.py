"""The recommendations' part of the progress digest, registered with the notification
digest registry. Built in the notifications issue."""
