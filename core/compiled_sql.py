"""Reads and writes on a hot path whose SQL is built once per process.

Django builds and compiles a queryset's SQL each time it is evaluated: about 2.5 ms of CPU (with
psycopg, on the benchmark machine) for a read that joins three tables and annotates an EXISTS,
against 0.45 ms for the same read run from SQL kept from the first time; `save(update_fields=…)`
and `create()` cost 0.5-0.7 ms each the same way. A CompiledRead compiles its queryset once per
database (with stand-in values for its variables), then runs that SQL with each call's values
and builds the instances as the ORM's own ModelIterable does (select_related models,
annotations, the database converters). `insert` and `update` write one row from an instance,
with the SQL built once per model and field list; like `QuerySet.update` they send no signals.
"""
import datetime
import uuid

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models.fields import AutoFieldMixin
from django.db.models.query import get_related_populators


def _stand_in(field, index):
    """A value of the field's type that no real row or constant of the query would hold."""
    target = field
    while target.is_relation:  # a foreign key to a multi-table child's pk (a one-to-one) and on
        target = target.target_field
    if isinstance(target, models.UUIDField):
        return uuid.UUID(int=0x5EED0000_0000_4000_8000_000000000000 + index)
    if isinstance(target, (models.AutoField, models.BigAutoField, models.IntegerField)):
        return 2_000_000_011 + index
    if isinstance(target, models.DateTimeField):
        return datetime.datetime(2001, 2, 3, 4, 5, 6, 7000 + index, tzinfo=datetime.timezone.utc)
    raise TypeError(f"CompiledRead has no stand-in value for a {type(target).__name__}")


class CompiledRead:
    """`CompiledRead(build, token=ContestAttempt._meta.get_field("token"))`, then
    `read.first(token=...)`: `build(**values)` returns the queryset (the same shape for any values);
    each keyword names one of its variables and the model field whose values it takes.

    The SQL depends only on the models, so it is kept for the life of the process. A read that
    locks (select_for_update) is compiled inside the caller's transaction, as Django requires.
    """

    def __init__(self, build, **fields):
        self.build, self.fields = build, fields
        self.compiled = {}

    def _compile(self, using):
        connection = connections[using]
        stand_ins = {name: _stand_in(field, index) for index, (name, field) in enumerate(self.fields.items())}
        queryset = self.build(**stand_ins)
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        positions = {}
        for name, field in self.fields.items():
            prepared = field.get_db_prep_value(stand_ins[name], connection)
            positions[name] = [index for index, param in enumerate(params) if param == prepared]
            if not positions[name]:
                raise ValueError(f"CompiledRead: {name} is not a parameter of the query")
        klass_info = compiler.klass_info
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        compiled = {
            "sql": sql, "params": list(params), "positions": positions,
            # (position, converters, expression): the compiler's, applied with each thread's connection
            "converters": [(position, converters, expression) for position, (converters, expression) in
                           compiler.get_converters([column[0] for column in compiler.select]).items()],
            "model": klass_info["model"], "slice": (start, end),
            "init_list": [column[0].target.attname for column in compiler.select[start:end]],
            "related": get_related_populators(klass_info, compiler.select, using),
            "annotations": dict(compiler.annotation_col_map or {}),
        }
        self.compiled[using] = compiled
        return compiled

    def first(self, using=DEFAULT_DB_ALIAS, **values):
        """The query's first instance for these values, or None."""
        compiled = self.compiled.get(using) or self._compile(using)
        connection = connections[using]
        params = list(compiled["params"])
        for name, value in values.items():
            prepared = self.fields[name].get_db_prep_value(value, connection)
            for index in compiled["positions"][name]:
                params[index] = prepared
        with connection.cursor() as cursor:
            cursor.execute(compiled["sql"], params)
            row = cursor.fetchone()
        if row is None:
            return None
        row = list(row)
        for position, converters, expression in compiled["converters"]:
            for converter in converters:
                row[position] = converter(row[position], expression, connection)
        start, end = compiled["slice"]
        instance = compiled["model"].from_db(using, compiled["init_list"], row[start:end])
        for populator in compiled["related"]:
            populator.populate(row, instance)
        for name, position in compiled["annotations"].items():
            setattr(instance, name, row[position])
        return instance


_statements = {}


def _statement(kind, model, names, connection):
    key = (kind, model, names, connection.alias)
    if key not in _statements:
        meta, quote = model._meta, connection.ops.quote_name
        if kind == "update":
            fields = [meta.get_field(name) for name in names]
            sql = (f"UPDATE {quote(meta.db_table)} SET " + ", ".join(f"{quote(f.column)} = %s" for f in fields)
                   + f" WHERE {quote(meta.pk.column)} = %s")
        else:
            if meta.parents:
                raise TypeError(f"insert() writes one table; {model.__name__} has parents")
            fields = [f for f in meta.concrete_fields if not isinstance(f, AutoFieldMixin)]
            returning = connection.features.can_return_columns_from_insert
            sql = (f"INSERT INTO {quote(meta.db_table)} (" + ", ".join(quote(f.column) for f in fields)
                   + ") VALUES (" + ", ".join(["%s"] * len(fields)) + ")"
                   + (f" RETURNING {quote(meta.pk.column)}" if returning else ""))
        _statements[key] = (sql, fields)
    return _statements[key]


def update(instance, fields, using=DEFAULT_DB_ALIAS):
    """`instance.save(update_fields=fields)` of a stored row, without signals."""
    connection = connections[using]
    sql, model_fields = _statement("update", type(instance), tuple(fields), connection)
    params = [field.get_db_prep_save(field.pre_save(instance, False), connection) for field in model_fields]
    params.append(instance._meta.pk.get_db_prep_value(instance.pk, connection))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def insert(instance, using=DEFAULT_DB_ALIAS):
    """`instance.save()` of a new row of a model without parents, without signals; sets its pk."""
    connection = connections[using]
    sql, model_fields = _statement("insert", type(instance), None, connection)
    params = [field.get_db_prep_save(field.pre_save(instance, True), connection) for field in model_fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        instance.pk = (cursor.fetchone()[0] if connection.features.can_return_columns_from_insert
                       else cursor.lastrowid)
    instance._state.adding, instance._state.db = False, using
    return instance
