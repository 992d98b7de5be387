// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract StablePool {
    uint256 public totalSupply;
    uint256 public totalAssets;
    mapping(address => uint256) public balanceOf;

    function addLiquidity() external payable {
        balanceOf[msg.sender] += msg.value;
        totalSupply += msg.value;
        totalAssets += msg.value;
    }

    function removeLiquidity(uint256 lp) external {
        uint256 amount = lp * totalAssets / totalSupply;
        balanceOf[msg.sender] -= lp;
        (bool ok, ) = msg.sender.call{value: amount}(""); // @vulnerable: reentrancy
        require(ok, "send");
        totalSupply -= lp;
        totalAssets -= amount;
    }

    function virtualPrice() external view returns (uint256) { // @vulnerable: reentrancy
        return totalAssets * 1e18 / totalSupply;
    }
}
