"""Monitoring periods as Dagster partitions (from config/periods.yaml, a file of the repo)."""
import click
import dagster as dg

from assets.core import periods
from assets.core.periods import period_ids

# The Dagster command lines that run partitions in the calling process (`dg launch`, `dagster asset materialize`,
# `dagster job launch`): there an unknown period is a usage error of what was typed.
_LAUNCHING_COMMANDS = {"launch", "materialize", "execute"}


class UnknownPeriod(dg.DagsterUnknownPartitionError):
    """A partition key that is no monitoring period: Dagster's own error (the webserver, the daemon and the sensors
    treat it as before), with the words of `monitor run --period` (the period and the known ones)."""


class UnknownPeriodTyped(click.UsageError):
    """The same, raised under a Dagster command line that launches runs: click prints it in one line with exit 2
    (`dg launch --partition 1999` ended in a traceback of DagsterUnknownPartitionError, or with --assets, of the
    DagsterInvalidSubsetError that the command raises in its place)."""


def _typed_on_a_command_line() -> bool:
    ctx = click.get_current_context(silent=True)  # click's context is per thread: never a server's request thread
    return ctx is not None and ctx.find_root().info_name in ("dg", "dagster") and ctx.info_name in _LAUNCHING_COMMANDS


def unknown_period_message(partition_key: str, known: list[str]) -> str:
    try:
        periods.get(partition_key)
        said = f"period {partition_key!r} is not a partition of this code location; known: {', '.join(known)}"
    except KeyError as exc:
        said = str(exc.args[0] if exc.args else exc)
    return said + ("; `monitor ops current-period` names the current one; a period declared after the code location "
                   "loaded needs a reload")


class PeriodPartitions(dg.StaticPartitionsDefinition):
    """The periods as static partitions; an unknown key is refused naming it and the known ones."""

    def validate_partition_key(self, partition_key: str, context) -> None:
        if self.has_partition_key(partition_key):
            return
        message = unknown_period_message(partition_key, list(self.get_partition_keys()))
        raise (UnknownPeriodTyped if _typed_on_a_command_line() else UnknownPeriod)(message)


periods_partitions = PeriodPartitions(period_ids())
