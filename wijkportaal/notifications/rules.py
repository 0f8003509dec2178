import rules

from wijkportaal.permissions import is_administrator, is_staff_member

rules.add_perm("notifications", is_staff_member)
rules.add_perm("notifications.view_notification", is_staff_member)
rules.add_perm("notifications.resend_notification", is_staff_member)
rules.add_perm("notifications.change_notification", rules.always_deny)
rules.add_perm("notifications.add_notification", rules.always_deny)
rules.add_perm("notifications.delete_notification", is_administrator)
rules.add_perm("notifications.view_notificationpreference", is_administrator)
