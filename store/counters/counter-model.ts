import { Schema, type Connection, type Model } from 'mongoose';

/** A named sequence, e.g. one per agency per day for dossier codes; bumped with `$inc` + upsert. */
export interface CounterDocument {
  _id: string;
  value: number;
}

const counterSchema = new Schema<CounterDocument>(
  { _id: { type: String, required: true }, value: { type: Number, required: true } },
  { versionKey: false },
);

export function counterModel(connection: Connection): Model<CounterDocument> {
  return connection.models.Counter ?? connection.model<CounterDocument>('Counter', counterSchema, 'counters');
}

/** The next value of counter `id` (1 for a new one): one atomic `$inc`, no transaction needed. */
export async function nextCounterValue(model: Model<CounterDocument>, id: string): Promise<number> {
  const counter = await model.findOneAndUpdate({ _id: id }, { $inc: { value: 1 } }, { upsert: true, new: true }).lean();
  return counter!.value;
}
