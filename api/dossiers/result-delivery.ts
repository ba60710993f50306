import { z } from 'zod';

/**
 * How the citizen receives the result, chosen at submission: at the one-stop counter (nhận tại bộ
 * phận một cửa) or by public postal service (dịch vụ bưu chính công ích), which needs the address.
 */
export const resultDeliverySchema = z
  .discriminatedUnion('method', [
    z.object({ method: z.literal('counter') }),
    z.object({ method: z.literal('post'), address: z.string().trim().min(1, 'the postal address is required').max(500) }),
  ])
  .meta({ id: 'ResultDelivery' });
