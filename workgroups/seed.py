def seed_workgroups(*, scale: int = 1, progress=None) -> None:
    pass
