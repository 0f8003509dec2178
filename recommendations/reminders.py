"""Reminders about actions (due soon, overdue, dependency finished), registered with the
notification registry. Built in the progress-monitor issue."""
