// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// Vigil's honeypot and tax probe. It is never deployed: the engine injects this runtime code at two
/// fresh addresses with an `eth_call` state override (the probe, funded with ETH, and a receiver) and
/// calls `simulate`, which always reverts with `Simulated(outcome)` so nothing it did is kept and
/// every number travels back in the revert data. Each leg runs in try/catch, so a token that blocks
/// one step still yields the measurements of the steps before it.
///
/// Legs: quote + buy (probe, ETH -> token), transfer of everything bought (probe -> receiver),
/// quote + sell of 100% (receiver, token -> ETH) and, when that reverts, of 99% (cannot_sell_all).
/// Tax = (quoted - received) / quoted, each quote taken right before its swap.
///
/// V3-style pools (no V2 route) are swapped against directly: the probe wraps ETH, `swap` calls back
/// `uniswapV3SwapCallback`, which pays the pool, and the pool's own swap result is the quote.
interface IRouterV2Like {
    function getAmountsOut(uint256 amountIn, address[] calldata path) external view returns (uint256[] memory);

    function swapExactETHForTokensSupportingFeeOnTransferTokens(
        uint256 amountOutMin,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external payable;

    function swapExactTokensForETHSupportingFeeOnTransferTokens(
        uint256 amountIn,
        uint256 amountOutMin,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external;
}

interface IBalanceOf {
    function balanceOf(address owner) external view returns (uint256);
}

interface IPoolV3Like {
    function token0() external view returns (address);

    function swap(
        address recipient,
        bool zeroForOne,
        int256 amountSpecified,
        uint160 sqrtPriceLimitX96,
        bytes calldata data
    ) external returns (int256 amount0, int256 amount1);
}

interface IWrappedNative {
    function deposit() external payable;
}

contract TokenSimulator {
    struct Leg {
        bool attempted;
        bool ok;
        uint256 quoted;
        uint256 received;
        uint256 gasUsed;
        bytes revertData;
    }

    struct Outcome {
        Leg buy;
        Leg transfer;
        Leg sell;
        Leg sellPartial;
    }

    error Simulated(Outcome outcome);

    receive() external payable {}

    /// @param buyPath WETH first, token last (multi-hop allowed); the sell path is its reverse.
    function simulate(address router, address[] calldata buyPath, uint256 amountIn, address receiver) external {
        Outcome memory o;
        address token = buyPath[buyPath.length - 1];
        o.buy = _buy(router, buyPath, amountIn, token);
        address[] memory sellPath = new address[](buyPath.length);
        for (uint256 i = 0; i < buyPath.length; i++) {
            sellPath[i] = buyPath[buyPath.length - 1 - i];
        }
        _transferSellAndReport(o, token, receiver, abi.encodeWithSelector(this.sellAll.selector, router, sellPath));
    }

    /// After the buy: move what was bought to `receiver`, let it sell through `sellCall` (its `sellAll` or
    /// `sellAllV3`, which return the two sell legs), and revert with everything measured.
    function _transferSellAndReport(Outcome memory o, address token, address receiver, bytes memory sellCall)
        private
    {
        if (o.buy.ok && o.buy.received > 0) {
            o.transfer = _transfer(token, receiver, o.buy.received);
            if (o.transfer.ok && o.transfer.received > 0) {
                (bool ok, bytes memory ret) = receiver.call(sellCall);
                if (ok) {
                    (o.sell, o.sellPartial) = abi.decode(ret, (Leg, Leg));
                } else {
                    o.sell.attempted = true;
                    o.sell.revertData = ret;
                }
            }
        }
        revert Simulated(o);
    }

    /// Runs on the receiver: approve the router, then sell all of its balance (or 99% when 100% reverts).
    function sellAll(address router, address[] calldata path) external returns (Leg memory full, Leg memory partial_) {
        address token = path[0];
        uint256 amount = IBalanceOf(token).balanceOf(address(this));
        (bool approved, bytes memory approveData) =
            token.call(abi.encodeWithSelector(0x095ea7b3, router, type(uint256).max));
        if (!approved) {
            full.attempted = true;
            full.revertData = approveData;
            return (full, partial_);
        }
        full = _sell(router, path, amount);
        if (!full.ok) partial_ = _sell(router, path, (amount * 99) / 100);
    }

    // TickMath's bounds: a swap may move the price anywhere in between.
    uint160 private constant MIN_SQRT_RATIO_PLUS_ONE = 4295128740;
    uint160 private constant MAX_SQRT_RATIO_MINUS_ONE = 1461446703485210103287273052203988822378723970341;

    /// The V3 counterpart of `simulate`: buy `token` with `amountIn` of wrapped native in `pool`, move it
    /// to `receiver`, and sell it back there (100%, else 99%).
    function simulateV3(address pool, address weth, address token, uint256 amountIn, address receiver) external {
        Outcome memory o;
        IWrappedNative(weth).deposit{value: amountIn}();
        o.buy = _swapV3(pool, weth, token, amountIn);
        _transferSellAndReport(o, token, receiver, abi.encodeWithSelector(this.sellAllV3.selector, pool, token, weth));
    }

    /// Runs on the receiver: sell all of its balance in the V3 pool (or 99% when 100% reverts).
    function sellAllV3(address pool, address token, address weth)
        external
        returns (Leg memory full, Leg memory partial_)
    {
        uint256 amount = IBalanceOf(token).balanceOf(address(this));
        full = _swapV3(pool, token, weth, amount);
        if (!full.ok) partial_ = _swapV3(pool, token, weth, (amount * 99) / 100);
    }

    /// Exact-input swap of `amountIn` of `tokenIn`; quoted = what the pool says it paid out.
    function _swapV3(address pool, address tokenIn, address tokenOut, uint256 amountIn)
        private
        returns (Leg memory l)
    {
        l.attempted = true;
        bool zeroForOne = IPoolV3Like(pool).token0() == tokenIn;
        uint256 before = IBalanceOf(tokenOut).balanceOf(address(this));
        uint256 g = gasleft();
        try IPoolV3Like(pool).swap(
            address(this),
            zeroForOne,
            int256(amountIn),
            zeroForOne ? MIN_SQRT_RATIO_PLUS_ONE : MAX_SQRT_RATIO_MINUS_ONE,
            abi.encode(tokenIn)
        ) returns (int256 amount0, int256 amount1) {
            l.gasUsed = g - gasleft();
            int256 out = zeroForOne ? amount1 : amount0;
            l.quoted = out < 0 ? uint256(-out) : 0;
            l.ok = true;
            l.received = _gain(IBalanceOf(tokenOut).balanceOf(address(this)), before);
        } catch (bytes memory err) {
            l.gasUsed = g - gasleft();
            l.revertData = err;
        }
    }

    /// The pool asks to be paid what it is owed (the positive delta) in the token named by `data`.
    /// Only ever reached inside a simulating eth_call: the contract is never deployed.
    function uniswapV3SwapCallback(int256 amount0Delta, int256 amount1Delta, bytes calldata data) external {
        address tokenIn = abi.decode(data, (address));
        uint256 owed = uint256(amount0Delta > 0 ? amount0Delta : amount1Delta);
        (bool success, bytes memory ret) = tokenIn.call(abi.encodeWithSelector(0xa9059cbb, msg.sender, owed));
        if (!success) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        require(ret.length == 0 || abi.decode(ret, (bool)), "transfer to pool returned false");
    }

    function _buy(address router, address[] calldata path, uint256 amountIn, address token)
        private
        returns (Leg memory l)
    {
        l.attempted = true;
        try IRouterV2Like(router).getAmountsOut(amountIn, path) returns (uint256[] memory q) {
            l.quoted = q[q.length - 1];
        } catch {}
        uint256 before = IBalanceOf(token).balanceOf(address(this));
        uint256 g = gasleft();
        try IRouterV2Like(router).swapExactETHForTokensSupportingFeeOnTransferTokens{value: amountIn}(
            0, path, address(this), block.timestamp
        ) {
            l.gasUsed = g - gasleft();
            l.ok = true;
            l.received = _gain(IBalanceOf(token).balanceOf(address(this)), before);
        } catch (bytes memory err) {
            l.gasUsed = g - gasleft();
            l.revertData = err;
        }
    }

    function _transfer(address token, address to, uint256 amount) private returns (Leg memory l) {
        l.attempted = true;
        l.quoted = amount;
        uint256 before = IBalanceOf(token).balanceOf(to);
        uint256 g = gasleft();
        (bool success, bytes memory data) = token.call(abi.encodeWithSelector(0xa9059cbb, to, amount));
        l.gasUsed = g - gasleft();
        // Tokens that return nothing (USDT-style) count as success when the call did not revert.
        if (success && (data.length == 0 || (data.length >= 32 && abi.decode(data, (bool))))) {
            l.ok = true;
            l.received = _gain(IBalanceOf(token).balanceOf(to), before);
        } else {
            l.revertData = data;
        }
    }

    function _sell(address router, address[] calldata path, uint256 amount) private returns (Leg memory l) {
        l.attempted = true;
        try IRouterV2Like(router).getAmountsOut(amount, path) returns (uint256[] memory q) {
            l.quoted = q[q.length - 1];
        } catch {}
        uint256 before = address(this).balance;
        uint256 g = gasleft();
        try IRouterV2Like(router).swapExactTokensForETHSupportingFeeOnTransferTokens(
            amount, 0, path, address(this), block.timestamp
        ) {
            l.gasUsed = g - gasleft();
            l.ok = true;
            l.received = _gain(address(this).balance, before);
        } catch (bytes memory err) {
            l.gasUsed = g - gasleft();
            l.revertData = err;
        }
    }

    /// Balances that shrink (rebasing or reflection quirks) count as nothing received, never as an underflow.
    function _gain(uint256 afterBalance, uint256 beforeBalance) private pure returns (uint256) {
        return afterBalance > beforeBalance ? afterBalance - beforeBalance : 0;
    }
}
