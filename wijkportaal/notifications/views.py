from django.http import HttpResponse


def unsubscribe(request, token):
    """Placeholder until the notifications issue builds the one-click unsubscribe page."""
    return HttpResponse(status=501)
