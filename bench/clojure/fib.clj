;; Naive doubly recursive Fibonacci.
(defn fib [n]
  (if (< n 2)
    n
    (+ (fib (- n 1)) (fib (- n 2)))))

(defn bench [] (fib 30))

(bench.support/run bench)
