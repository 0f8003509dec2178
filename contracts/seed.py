def seed_contracts(*, scale: int = 1, progress=None) -> None:
    pass
