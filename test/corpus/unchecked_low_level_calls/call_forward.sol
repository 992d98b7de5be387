// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Forwarder {
    address public owner = msg.sender;

    function forward(address target, bytes calldata data) external {
        require(msg.sender == owner);
        target.call(data); // @vulnerable: unchecked_low_level_calls
    }
}
