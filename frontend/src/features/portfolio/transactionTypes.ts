/** The transaction types the server accepts; the OpenAPI document types them as plain strings. */
export const transactionTypes = ['buy', 'sell', 'dividend', 'interest', 'fee', 'deposit', 'withdrawal', 'split'] as const
export type TransactionType = (typeof transactionTypes)[number]
