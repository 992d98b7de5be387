// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Savings {
    mapping(address => uint256) public stake;

    function deposit() external payable {
        stake[msg.sender] += msg.value;
    }

    function withdraw(uint256 amount) external {
        require(stake[msg.sender] >= amount, "insufficient");
        (bool ok, ) = msg.sender.call{value: amount}(""); // @vulnerable: reentrancy
        require(ok, "send failed");
        stake[msg.sender] -= amount;
    }
}
